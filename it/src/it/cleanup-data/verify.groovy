def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 10 : "expected 10 builds, found ${runs.size()}"

// 1-2: leftovers of a killed build are listed, then removed; another project's container stays.
assert runs[0].contains('jtest: engine resources left by earlier builds of this project (dry run, kept):')
assert runs[0].contains('jtest:   container jtest-deadbeef-ghost (run deadbeef)')
assert !runs[0].contains('jtest-cafebabe-other')
assert runs[0].contains('no running stack for this project')
assert runs[1].contains('jtest: engine resources left by earlier builds of this project, removed:')
assert ['docker', 'ps', '-aq', '--filter', 'name=jtest-deadbeef-ghost'].execute().text.trim().isEmpty()
assert !['docker', 'ps', '-aq', '--filter', 'name=jtest-cafebabe-other'].execute().text.trim().isEmpty()
['docker', 'rm', '-f', 'jtest-cafebabe-other'].execute().waitFor()

// 3: tests leave data behind (cleanup after tests switched off).
assert runs[2].contains('Tests run: 3, Failures: 0, Errors: 0')
assert runs[2].contains('cleanup after the tests is off (jtest.cleanupAfterTests=false): test data kept')

// 4: the dry run lists exactly the TEST records, per cleaner, and never a secret.
def dry = runs[3]
assert dry.contains("jtest: test data (dry run, prefix 'TEST ', nothing changed):")
assert dry =~ /jtest:   db#1: 2 found/
assert dry =~ /jtest:     \| \d+\|TEST client [0-9a-f]{6}/
assert !dry.contains('production client') && !dry.contains('TESTER client')
assert dry =~ /jtest:   registry#1: 2 found/
assert dry =~ /jtest:     \| TEST client [0-9a-f]{6}  \{"client_id":\d,"client_name":"TEST client [0-9a-f]{6}"\}/
assert !dry.contains('real customer')
assert dry =~ /jtest:   java:sample\.NotesCleaner: 1 found/
assert dry.contains('jtest:   total: 5')
assert !log.contains('not-printed-anywhere')

// 5: cleanup removes them; 6: the tests against the kept stack see exactly the test data gone.
assert runs[4].contains("jtest: test data removed (prefix 'TEST '):")
assert runs[4] =~ /db#1: 2 removed/ && runs[4] =~ /registry#1: 2 removed/ && runs[4] =~ /java:sample\.NotesCleaner: 1 removed/
assert runs[5].contains('reusing the stack kept by an earlier build')
assert runs[5].contains('Tests run: 3, Failures: 0, Errors: 0')

// 8: by default the cleaners run after the tests, before the services stop.
def auto = runs[7]
assert auto.indexOf("jtest: test data removed (prefix 'TEST '):") > auto.indexOf('Tests run: 3')
assert auto.indexOf("jtest: test data removed") < auto.indexOf('jtest: services stopped and removed')
assert auto.contains('jtest:   total: 5')

// 9: no stack running, said clearly. 10: a blank prefix is refused when the build starts.
assert runs[8].contains('no running stack for this project, so no test data to look for')
assert runs[9].contains('Invalid jtest.cleanup.prefix="  ": the test-data prefix is empty or blank, so it would match every record')
assert !runs[9].contains('[INFO] --- ')
