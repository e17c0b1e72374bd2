import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def crash = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-crash.CrashIT.xml'))
def exits = crash.testcase.find { it.@name == 'exits' }
assert exits.error.size() >= 1 || exits.rerunError.size() >= 1
def message = exits.error.@message.text()
assert message.contains('exited with code 3') : message
assert exits.text().contains('about to exit') || message.contains('about to exit')
assert crash.testcase.findAll { it.@name == 'before' || it.@name == 'after' }.every { it.error.size() == 0 }

def summary = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
assert summary.completed.text() == '7'
assert summary.errors.text() == '1'
assert summary.failures.text() == '0'
assert summary.flakes.text() == '1'
assert new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-crash.OtherIT.xml')).@tests == '3'
assert log =~ /Flakes: 1/
