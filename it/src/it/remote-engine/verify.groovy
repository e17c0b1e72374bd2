import groovy.json.JsonSlurper

def root = new File(basedir, '../../../..').canonicalFile
def script = new File(root, 'docker/remote-engine.sh')
def remoteEnv = ['DOCKER_HOST=tcp://127.0.0.2:2376', 'DOCKER_TLS_VERIFY=1', 'DOCKER_CERT_PATH=/var/lib/jtest-remote/client']
// The main engine: what `docker` reaches without those variables.
def mainEnv = System.getenv().findAll { k, v -> !k.startsWith('DOCKER_') }.collect { k, v -> "${k}=${v}" }

try {
  def log = new File(basedir, 'build.log').text
  def jtest = new File(basedir, 'target/jtest')

  // Every endpoint names the engine's host; the tests reached the service there.
  def endpoints = new Properties()
  new File(jtest, 'services.properties').withReader { endpoints.load(it) }
  def hosts = endpoints.findAll { k, v -> k.endsWith('.host') }
  assert hosts.size() == 1 && hosts.values().every { it == '127.0.0.2' } : "hosts: ${hosts}"
  assert endpoints['jtest.greeter.url'] ==~ /http:\/\/127\.0\.0\.2:\d+/
  assert log =~ /jtest: greeter: started on 127\.0\.0\.2:\d+->8080/
  def summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
  assert summary.contains('<completed>3</completed>')
  assert summary.contains('<failures>0</failures>') && summary.contains('<errors>0</errors>')

  // The bind mounts were copied in, and the service read the file.
  assert log.contains('jtest: greeter: copied 4 bind-mounted file(s) and folder(s) into its container (remote engine)')
  // The missing bind directory was created here, then copied; the hook found it and the secret.
  assert log =~ /jtest: created the missing bind-mount directory \S+target\/created-by-jtest, as docker compose up does/
  assert new File(basedir, 'target/created-by-jtest').isDirectory()
  assert log.contains('jtest: greeter: post_start ran 1 hook(s)')
  assert new File(jtest, 'logs/greeter.log').text.contains("greeter: read greeting 'hello from a bind-mounted file'")

  // Coverage: dumped over TCP from 127.0.0.2 and copied out through the engine at the stop.
  assert log =~ /jtest: coverage greeter: \d+ classes, line [\d.]+ %/
  assert new File(jtest, 'coverage/greeter.exec').length() > 0
  assert new File(basedir, 'target/site/jtest/coverage/index.html').isFile()
  assert !log.contains('died or was killed before a graceful stop')
  assert log.contains('BUILD SUCCESS')

  // Nothing of this project is left on either engine.
  def project = new JsonSlurper().parse(new File(jtest, 'run.json')).projectId
  [remote: remoteEnv, main: mainEnv].each { engine, env ->
    [['ps', '-aq'], ['network', 'ls', '-q'], ['volume', 'ls', '-q']].each { command ->
      def process = (['docker'] + command + ['--filter', "label=dev.jtest.project=${project}"]).execute(env, basedir)
      def out = process.text.trim()
      assert process.waitFor() == 0 : "docker ${command.join(' ')} on the ${engine} engine failed"
      assert out.isEmpty() : "left on the ${engine} engine: docker ${command.join(' ')} -> ${out}"
    }
  }
  true // invoker fails a hook whose script returns anything but true or null
} finally {
  def started = new File(basedir, 'remote-engine.started')
  if (started.exists()) {
    def process = ['bash', script.path, 'stop'].execute()
    println process.text
    process.waitFor()
    started.delete()
  }
}
