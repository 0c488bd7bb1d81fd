package ${package}.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {

  @Test
  void roleSession_isTheRoleWhateverTheSession() {
    // When
    Caller first = Caller.fromIdentity("123456789012", "AROAEXAMPLEROLE:session-1");
    Caller renewed = Caller.fromIdentity("123456789012", "AROAEXAMPLEROLE:botocore-session-2");

    // Then
    assertThat(first).isEqualTo(renewed);
    assertThat(first.id()).isEqualTo("123456789012:AROAEXAMPLEROLE");
  }

  @Test
  void iamUser_isItsUniqueId() {
    // When
    Caller user = Caller.fromIdentity("123456789012", "AIDAEXAMPLEUSER");

    // Then
    assertThat(user.principalId()).isEqualTo("AIDAEXAMPLEUSER");
  }

  @Test
  void federatedUsers_ofOneAccountAreTwoCallers() {
    // When: GetFederationToken sessions, whose caller starts with the account id
    Caller bob = Caller.fromIdentity("123456789012", "123456789012:bob");
    Caller carol = Caller.fromIdentity("123456789012", "123456789012:carol");

    // Then
    assertThat(bob).isNotEqualTo(carol);
    assertThat(bob.id()).isEqualTo("123456789012:123456789012:bob");
  }

  @Test
  void sameRoleIdInAnotherAccount_isAnotherCaller() {
    // Then
    assertThat(Caller.fromIdentity("111111111111", "AROAEXAMPLEROLE:s"))
        .isNotEqualTo(Caller.fromIdentity("222222222222", "AROAEXAMPLEROLE:s"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", ":session", "AROA EXAMPLE:s", "AROA/EXAMPLE"})
  void callerThatNamesNoPrincipal_isRejected(String caller) {
    assertThatThrownBy(() -> Caller.fromIdentity("123456789012", caller))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingAccount_isRejected() {
    assertThatThrownBy(() -> Caller.fromIdentity(null, "AIDAEXAMPLEUSER"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
