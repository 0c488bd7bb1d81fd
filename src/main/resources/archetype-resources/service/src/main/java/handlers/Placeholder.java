package ${package}.handlers;

/** Placeholder. */
public final class Placeholder {
}
