package io.mproc.codec;

/** A record of built-in types, nested, for codec and queue tests. */
public record Trade(long id, String symbol, double price, Integer quantity, byte[] note, Venue venue) {
    /** The nested record. */
    public record Venue(String name, char code, boolean open) {
    }
}
