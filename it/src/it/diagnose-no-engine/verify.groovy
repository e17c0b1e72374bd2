import java.time.Duration
import java.time.LocalTime

def log = new File(basedir, 'build.log').text

assert log.contains('Docker engine not reachable at unix:///nonexistent/jtest/docker.sock (DOCKER_HOST):'
    + ' there is no socket file /nonexistent/jtest/docker.sock.')
assert log.contains('bash docker/engine.sh')
assert log.contains('BUILD FAILURE')

// One clear message: no stack trace, no retry noise from the HTTP client.
assert !(log =~ /(?m)^\s+at [\w$.]+\(/)
assert !log.contains('Caused by:')
assert !log.toLowerCase().contains('recoverable i/o exception')
assert !log.contains('re-executed')

// It gives up within 2 s of the goal starting.
def stamp = { String marker ->
  def line = log.readLines().find { it.contains(marker) }
  assert line != null : "no line with '${marker}'"
  LocalTime.parse(line.substring(0, 12))
}
def waited = Duration.between(stamp('jtest-maven-plugin:'), stamp('BUILD FAILURE'))
assert waited < Duration.ofSeconds(2) : "gave up after ${waited.toMillis()} ms"

// The message ends with jtest's own advice, not with the JDK's words for the cause appended to it.
assert log.contains('point DOCKER_HOST at a running one. -> [Help 1]')
