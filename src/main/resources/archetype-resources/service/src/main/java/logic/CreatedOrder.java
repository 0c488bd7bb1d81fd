package ${package}.logic;

import ${package}.models.Order;

/** The outcome of a create: the order, and whether it repeats an earlier create with its key. */
public record CreatedOrder(Order order, boolean replayed) {}
