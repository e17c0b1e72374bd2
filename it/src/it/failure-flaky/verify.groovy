def log = new File(basedir, 'build.log').text
def work = new File(basedir, 'target/jtest')

// Stock Failsafe counts a test that passed on a rerun as a flake, and the build passes.
assert log.contains('Flakes: 1')
assert log.contains('BUILD SUCCESS')
// jtest names it with its failed attempt's message, and lists it in flaky.json.
assert log =~ /jtest: flaky test FlakyIT\.secondTimeLucky: passed on attempt 2 after 1 failed: the first attempt fails/
def flaky = new groovy.json.JsonSlurper().parse(new File(work, 'flaky.json'))
assert flaky.size() == 1 : flaky
assert flaky[0].label == 'FlakyIT.secondTimeLucky'
assert flaky[0].class == 'sample.FlakyIT'
assert flaky[0].id.contains('secondTimeLucky')
assert flaky[0].attempts == 2
assert flaky[0].failures.size() == 1 && flaky[0].failures[0].startsWith('the first attempt fails')

// The failed attempt got what the service logged while it ran: its request, not the rerun's.
def slice = new File(work, 'failures/FlakyIT.secondTimeLucky.log')
assert slice.text.contains('url:/attempt-1-marker')
assert !slice.text.contains('url:/attempt-2-marker')
assert !new File(work, 'failures/FlakyIT.secondTimeLucky-2.log').exists() : 'the passing attempt gets no slice'

// The slice joins the failed attempt's own output, wherever Surefire puts that: with
// redirectTestOutputToFile, stock Failsafe still writes a flakyFailure's output into its entry, and
// the output file holds the last run's, the passing rerun's, which has no slice.
def report = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-sample.FlakyIT.xml'))
def lucky = report.testcase.find { it.@name.text().startsWith('secondTimeLucky') }
def attemptOut = lucky.flakyFailure.'system-out'.text()
assert attemptOut.contains('attempt 1')
assert attemptOut.contains('url:/attempt-1-marker')
assert attemptOut.contains('[[ATTACHMENT|target/jtest/failures/FlakyIT.secondTimeLucky.log]]')
assert !report.testcase.find { it.@name.text() == 'steady' }.toString().contains('jtest: what the services logged')
def output = new File(basedir, 'target/failsafe-reports/sample.FlakyIT-output.txt').text
assert output.contains('attempt 2')
assert !output.contains('jtest: what the services logged')

// The timeline colours the failed attempt as flaky and links it to its slice.
def timeline = new File(work, 'timeline.html').text
assert timeline.contains('<a href="failures/FlakyIT.secondTimeLucky.log" class="bar FLAKY"')
assert timeline.contains('rerun phase')
