package se.samla.deviation.medcontrol;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for the background sync: polls a condition until it holds or the time is up. */
public final class Eventually {

  private Eventually() {}

  public static void await(Duration within, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what);
      }
      sleep(Duration.ofMillis(50));
    }
  }

  public static <T> T await(Duration within, String what, Supplier<T> value) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what);
      }
      sleep(Duration.ofMillis(50));
    }
  }

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
