import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

// The first, normal build resolved everything: the nested builds below run offline against it.
def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path

// The same repository id as it/src/it/settings.xml: Maven tracks which repository each artifact came from.
def settings = new File(basedir, 'nested-settings.xml')
settings.text = """<settings><profiles><profile><id>it-repo</id>
  <activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>local.central</id><url>${localRepositoryPath.toURI()}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${localRepositoryPath.toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""

def start = { String name, List<String> args ->
  def out = new File(basedir, "${name}.log")
  // A process started in the background by a non-interactive shell (as CI may start this build)
  // inherits SIGINT as ignored, and a JVM then installs no handler: Ctrl-C would never arrive.
  // Reset it to the default before exec, as a terminal's foreground job has it.
  def command = ['perl', '-e', '$SIG{INT} = "DEFAULT"; exec @ARGV or die "exec: $!"',
                 mvn, '-o', '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString()] + args
  def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(out).start()
  [process, out]
}
def holding = new File(basedir, 'target/holding')
def awaitHolding = { File out, int seconds ->
  long deadline = System.currentTimeMillis() + seconds * 1000L
  while (System.currentTimeMillis() < deadline) {
    if (holding.exists()) return
    sleep 200
  }
  assert false : "the test did not start holding within ${seconds} s:\n${out.exists() ? out.text : ''}"
}
def leftovers = {
  ['container': ['docker', 'ps', '-aq'], 'network': ['docker', 'network', 'ls', '-q'], 'volume': ['docker', 'volume', 'ls', '-q']]
      .collectEntries { kind, command -> [kind, (command + ['--filter', "label=dev.jtest.project=${project}"]).execute().text.trim()] }
      .findAll { it.value }
}
def signal = { Process process, String name -> ['kill', "-${name}", process.pid().toString()].execute().waitFor() }

// Ctrl-C, or SIGTERM as CI sends when it cancels a job, while the tests run: the shutdown hook
// removes containers, network and volume, keeps the logs, and the build says it was interrupted:
// Maven goes on running goals while it shuts down, but none reports the partial count as a result.
['INT', 'TERM'].each { name ->
  holding.delete()
  new File(basedir, 'target/jtest/logs/web.log').delete()
  def (interrupted, interruptedLog) = start("interrupted-${name}", ['verify', '-Dhold=120'])
  awaitHolding(interruptedLog, 180)
  assert !leftovers().isEmpty()
  signal(interrupted, name)
  assert interrupted.waitFor(60, TimeUnit.SECONDS) : "the build did not end after SIG${name}"
  def text = interruptedLog.text
  assert text.contains('jtest: interrupted (Ctrl-C or SIGTERM) while the services ran: tests that were running did not finish, so any test count printed from here on is incomplete and no result; removing the services of run') : text
  assert !text.contains('BUILD SUCCESS') && !text.contains('--- failsafe:3.6.1:verify') : text
  assert !(text =~ /jtest: service '\w+' exited with code/) : 'services jtest stopped itself did not die'
  assert leftovers().isEmpty() : "left after SIG${name}: ${leftovers()}"
  assert new File(basedir, 'target/jtest/logs/web.log').text.contains('web: serving')
}

// Ctrl-C while jtest waits for a service to be ready: jtest stopped it, so the service is not to blame.
def (waiting, waitingLog) = start('interrupted-ready', ['verify', '-Djtest.compose=never-ready.yml'])
long readyDeadline = System.currentTimeMillis() + 180_000
while (!(waitingLog.text.contains('jtest: web: started')) && System.currentTimeMillis() < readyDeadline) {
  sleep 200
}
assert waitingLog.text.contains('jtest: web: started') : waitingLog.text
sleep 1000
signal(waiting, 'INT')
assert waiting.waitFor(60, TimeUnit.SECONDS) : 'the build did not end after SIGINT'
def waited = waitingLog.text
assert waited.contains('jtest: interrupted (Ctrl-C or SIGTERM): removing the services of run') : waited
assert !waited.contains('exited with code') && !waited.contains('while jtest waited for it to be ready') : waited
assert leftovers().isEmpty() : "left after SIGINT during readiness: ${leftovers()}"

// kill -9 leaves everything behind; the next start of the same project sweeps it.
holding.delete()
def (killed, killedLog) = start('killed', ['verify', '-Dhold=120'])
awaitHolding(killedLog, 180)
signal(killed, 'KILL')
assert killed.waitFor(30, TimeUnit.SECONDS)
def left = leftovers()
assert left.keySet() == ['container', 'network', 'volume'] as Set : "expected leftovers of every kind, found ${left}"

def (sweep, sweepLog) = start('sweep', ['jtest:start', 'jtest:ready', 'jtest:stop'])
assert sweep.waitFor(180, TimeUnit.SECONDS) && sweep.exitValue() == 0 : sweepLog.text
assert sweepLog.text =~ /jtest: removing \d+ resource\(s\) left by an earlier run whose build is gone/
assert leftovers().isEmpty() : "left after the sweep: ${leftovers()}"
