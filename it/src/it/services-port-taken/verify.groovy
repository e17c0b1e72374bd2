import groovy.json.JsonSlurper

context.get('socket')?.close()
def log = new File(basedir, 'build.log').text

assert log.contains("service 'web': host port 127.0.0.1:47391 (docker-compose.yml:6) is already in use: stop what uses it, or publish the port without a host port ('8000') to get a random free one.")
def project = new JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
assert ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
