package ${package}.models;

import java.util.Optional;

/**
 * Whose an order is: the caller that created it, as {@link Caller#id()}. Requests that no caller
 * signed (an API with {@code apiAuth=none}, the local API without a caller header) all share the
 * one {@link #ANONYMOUS} owner, which no signed caller can be: a caller id always holds a colon.
 *
 * @param id the stored owner
 */
public record Owner(String id) {

  /** The owner of every order created without a signed caller. */
  public static final Owner ANONYMOUS = new Owner("anonymous");

  /** Rejects an empty owner, which would match nothing or everything. */
  public Owner {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("An owner needs an id");
    }
  }

  /** The signed caller's owner, else {@link #ANONYMOUS}. */
  public static Owner of(Optional<Caller> caller) {
    return caller.map(signer -> new Owner(signer.id())).orElse(ANONYMOUS);
  }
}
