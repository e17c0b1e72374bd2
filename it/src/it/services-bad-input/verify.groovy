def log = new File(basedir, 'build.log').text
// One Maven build per invoker.goals.N of invoker.properties, in that order.
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 16
def once = { int build, String message ->
  def count = builds[build - 1].count(message)
  assert count == 1 : "build ${build} should say once (said ${count} times): ${message}"
}

once(1, "jtest: -Djtest.profiles: no service of docker-compose.yml has the profile 'nosuch' (profiles: tools)")
assert builds[0].contains('BUILD SUCCESS')
once(2, "unknown service 'nope' for -Djtest.service (known: web)")
once(3, "compose file 'missing.yml' named by -Djtest.compose does not exist")
once(4, "bad-image.yml:2: service 'web': image 'jtest-it/does-not-exist:1' is not on the engine and cannot be pulled")
assert builds[4] =~ /broken\.yml:\d+: not valid YAML: /
once(6, 'Docker engine not reachable at unix:///nonexistent/jtest/docker.sock (DOCKER_HOST)')
once(7, "coverage was requested (-Pcoverage or -Djtest.coverage) but no service of docker-compose.yml runs a JVM")
// Compose values of a shape compose does not accept: file, line, service, key and the accepted forms.
once(8, "depends-on-maps.yml:7: service 'web': 'depends_on[0]' must be a service name, found a mapping (api: {condition: service_healthy}): write depends_on as a list of names ([api, db]) or as a mapping of names to conditions ({api: {condition: service_healthy}})")
once(9, "no services in no-services.yml: 'services:' at line 1 is empty.")
once(10, "command-mapping.yml:4: service 'web': 'command' must be a string or a list of strings, found a mapping (run: server)")
once(11, "duplicate-key.yml:5: service 'web': 'command' is defined twice (first at line 4): keep one of them")
once(12, "no services in empty.yml: the file is empty.")
once(13, "no services in typo.yml: it has no 'services:' key; 'sevices' at line 1: did you mean 'services'?")
// A jtest.* value is checked when the build starts, coverage on or not: no goal runs.
once(14, 'Invalid jtest.coverage.minimum="line:2": ratio 2 for line is outside 0..1')
// So is a coverage rule written in the pom, with or without -Pcoverage.
once(16, "Invalid <coverage><rules> rule in pom.xml (counter 'line', minimum '2'): ratio 2 for line is outside 0..1")
[3, 14, 16].each { assert !builds[it - 1].contains('[INFO] --- ') }
// An image build whose RUN step fails: the builder's output, and no intermediate container left.
// The engine's own words: Docker's "returned a non-zero code: 3", Podman's "exit status 3".
assert builds[14] =~ /failing-build\.yml:2: service 'web': building its image failed: .*(returned a non-zero code: 3|exit status 3)/
assert builds[14].contains('  | jtest-it failing step of services-bad-input')
// Builds the extension stops print no BUILD FAILURE banner.
assert log.count('BUILD FAILURE') == 12
// One message each: no stack traces.
assert !(log =~ /(?m)^\s+at [\w$.]+\(/)
['ClassCastException', 'NullPointerException', 'Cannot invoke', 'cannot be cast'].each { assert !log.contains(it) }

def project = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/jtest/run.json')).projectId
assert ['docker', 'ps', '-aq', '--filter', "label=dev.jtest.project=${project}"].execute().text.trim().isEmpty()
// The builder's container of the failed step carries no jtest label: it must not be left at all.
def failedStep = ['docker', 'ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}'].execute().text
    .readLines().findAll { it.contains('failing step of services-bad-input') }
assert failedStep.isEmpty() : "intermediate containers of the failed build left: ${failedStep}"
