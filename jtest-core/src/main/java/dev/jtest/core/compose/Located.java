package dev.jtest.core.compose;

/** A scalar of a compose file with the place it came from, so that every message can name it. */
record Located(String value, Location location) {

  @Override
  public String toString() {
    return value;
  }
}
