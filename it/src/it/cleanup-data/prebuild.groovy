import java.security.MessageDigest

// Resources "left by a killed build" of this project (its owner pid is gone), and a container of
// another project that no cleanup of this one may touch. jtest's project id: name + path digest.
def path = basedir.toPath().toAbsolutePath().normalize().toString()
def hex = MessageDigest.getInstance('SHA-256').digest(path.getBytes('UTF-8'))[0..3].collect { String.format('%02x', it & 0xff) }.join('')
def projectId = basedir.name.toLowerCase().replaceAll(/[^a-z0-9]+/, '-').replaceAll(/^-|-$/, '') + '-' + hex
def host = System.getenv('HOSTNAME') ?: InetAddress.localHost.hostName
def docker = { List command ->
  def process = (['docker'] + command).execute()
  process.waitFor()
  assert process.exitValue() == 0 : process.err.text
}
['jtest-deadbeef-ghost', 'jtest-cafebabe-other'].each { ['docker', 'rm', '-f', it].execute().waitFor() }
docker(['run', '-d', '--name', 'jtest-deadbeef-ghost', '--label', "dev.jtest.project=${projectId}", '--label', 'dev.jtest.run=deadbeef',
        '--label', 'dev.jtest.owner.pid=999999', '--label', "dev.jtest.owner.host=${host}", '--label', 'dev.jtest.owner.start=1',
        'debian:bookworm-slim', 'sleep', '600'])
docker(['run', '-d', '--name', 'jtest-cafebabe-other', '--label', 'dev.jtest.project=another-project-00000000', '--label', 'dev.jtest.run=cafebabe',
        '--label', 'dev.jtest.owner.pid=999999', '--label', "dev.jtest.owner.host=${host}", '--label', 'dev.jtest.owner.start=1',
        'debian:bookworm-slim', 'sleep', '600'])
