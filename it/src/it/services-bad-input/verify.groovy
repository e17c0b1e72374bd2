def log = new File(basedir, 'build.log').text

assert log.contains("unknown service 'nope' for -Djtest.service (known: web)")
assert log.contains("compose file 'missing.yml' named by -Djtest.compose does not exist")
assert log.contains("bad-image.yml:2: service 'web': image 'jtest-it/does-not-exist:1' is not on the engine and cannot be pulled")
assert log =~ /broken\.yml:\d+: not valid YAML: /
assert log.contains('Docker engine not reachable at unix:///nonexistent/jtest/docker.sock (DOCKER_HOST)')
assert log.contains("coverage was requested (-Pcoverage or -Djtest.coverage) but no service of docker-compose.yml runs a JVM")
assert log =~ /failing-build\.yml:2: service 'web': building its image failed: .*returned a non-zero code: 3/
assert log.contains('  | jtest-it failing step of services-bad-input')
assert log.count('BUILD FAILURE') == 7
// One message each: no stack traces.
assert !(log =~ /(?m)^\s+at [\w$.]+\(/)

def project = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
assert ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
// The builder's container of the failed step carries no jtest label: it must not be left at all.
def failedStep = ['docker', 'ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}'].execute().text
    .readLines().findAll { it.contains('failing step of services-bad-input') }
assert failedStep.isEmpty() : "intermediate containers of the failed build left: ${failedStep}"
