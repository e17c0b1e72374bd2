package dev.jtest.core.readiness;

import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ExecResult;
import java.time.Duration;
import java.util.List;

/** The service a check probes, as the waiter saw it at the start of this round. */
public interface ProbeTarget {

  /** The service's name. */
  String service();

  /**
   * Where the container's published ports are reached: loopback for a local engine, the engine's
   * host for a remote one.
   */
  String host();

  /** The container's state, inspected once per round. */
  ContainerFacts facts();

  /** Runs a command in the container. */
  ExecResult exec(List<String> command, Duration timeout);

  /** The container's output so far. */
  List<String> logLines();
}
