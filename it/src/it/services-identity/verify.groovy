import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// web's readiness command checked its host name, /etc/hosts, resolv.conf, tty, link and alias.
assert log.contains('jtest: web: ready after')
def summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
assert summary.contains('<failures>0</failures>') && summary.contains('<errors>0</errors>')

// Keys jtest does differently: one info line each, never a warning.
assert log =~ /\[INFO\] .*docker-compose\.yml:7: service 'db': container_name: legacy-db is accepted: /
assert log =~ /\[INFO\] .*docker-compose\.yml:8: service 'db': restart: unless-stopped is accepted: /
assert log =~ /\[INFO\] .*service 'web': logging is accepted: /
assert log =~ /\[INFO\] .*service 'web': deploy is accepted: /
assert !log.contains('is not supported by jtest')
assert !(log =~ /\[WARNING\] jtest: .*accepted/)

def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
def left = ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
left += ['docker', 'network', 'ls', '-q', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim()
assert left.isEmpty() : "left on the engine: ${left}"
