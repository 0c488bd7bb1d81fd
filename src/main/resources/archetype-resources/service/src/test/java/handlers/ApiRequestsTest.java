package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ${package}.models.Caller;

/** Who signed a request, as the handlers read it from API Gateway's identity. */
class ApiRequestsTest {

  @Test
  void roleSession_isTheRole() {
    // When
    var caller =
        ApiRequests.caller(
            Events.signedBy(Events.createOrder("{}"), "123456789012", "AROAEXAMPLEROLE:session"));

    // Then
    assertThat(caller).contains(new Caller("123456789012", "AROAEXAMPLEROLE"));
  }

  @Test
  void cognitoIdentities_sharingOneRole_areTwoCallers() {
    // Given: two users of one identity pool, signing with the pool's role
    var ada =
        Events.signedBy(
            Events.createOrder("{}"), "123456789012", "AROAPOOLROLE:CognitoIdentityCredentials");
    ada.getRequestContext().getIdentity().setCognitoIdentityId("us-east-1:ada-0001");
    var bob =
        Events.signedBy(
            Events.createOrder("{}"), "123456789012", "AROAPOOLROLE:CognitoIdentityCredentials");
    bob.getRequestContext().getIdentity().setCognitoIdentityId("us-east-1:bob-0002");

    // Then
    assertThat(ApiRequests.caller(ada)).contains(new Caller("123456789012", "us-east-1:ada-0001"));
    assertThat(ApiRequests.caller(ada)).isNotEqualTo(ApiRequests.caller(bob));
  }

  @Test
  void unsignedRequest_namesNoCaller() {
    assertThat(ApiRequests.caller(Events.unsigned(Events.createOrder("{}")))).isEmpty();
  }
}
