package org.govdatasec.crypto.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small lock-free pool of stateful engines (a cipher with its key schedule already computed), so that
 * concurrent callers never share one engine and never pay for a key schedule per call.
 *
 * @param <T> the engine type
 */
public final class EnginePool<T> {
  private static final int SLOTS = Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4 - 1) << 1);

  private final AtomicReferenceArray<T> slots = new AtomicReferenceArray<>(SLOTS);
  private final Supplier<T> factory;

  /**
   * Creates a pool.
   *
   * @param factory creates an engine when no pooled one is free
   */
  public EnginePool(Supplier<T> factory) {
    this.factory = factory;
  }

  /**
   * Takes an engine out of the pool, or creates one.
   *
   * @return an engine owned by the caller until {@link #release}
   */
  public T acquire() {
    int start = slot();
    for (int i = 0; i < 2; i++) {
      T t = slots.getAndSet((start + i) & (SLOTS - 1), null);
      if (t != null) {
        return t;
      }
    }
    return factory.get();
  }

  /**
   * Returns an engine to the pool (dropped if the pool is full).
   *
   * @param engine the engine
   */
  public void release(T engine) {
    int start = slot();
    for (int i = 0; i < 2; i++) {
      if (slots.compareAndSet((start + i) & (SLOTS - 1), null, engine)) {
        return;
      }
    }
  }

  private static int slot() {
    long id = Thread.currentThread().getId();
    return ((int) id * 0x9E3779B9) >>> 16;
  }
}
