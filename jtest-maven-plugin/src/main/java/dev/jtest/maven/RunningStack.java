package dev.jtest.maven;

import dev.jtest.core.engine.Engine;
import dev.jtest.core.services.Stack;

/**
 * A stack started by this build, with its engine connection and whether to keep it.
 *
 * @param early the background start it came from ({@code jtest.earlyStart}), or {@code null} when
 *     {@code jtest:start} started it
 */
record RunningStack(Stack stack, Engine engine, boolean keepRunning, EarlyStack early) {}
