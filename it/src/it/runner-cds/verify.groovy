// Run 'first' dumped the workers' class-data archive, 'second' started its two workers from it,
// 'serial' (another GC, so another key) dumped a second one, 'off' (-Djtest.cds=false) used none.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')

def cds = new File(basedir, 'target/jtest/cds')
def names = cds.list().toList().sort()
def archives = names.findAll { it.endsWith('.jsa') }
assert archives.size() == 2 : "one archive per key, two keys: $names"
assert !names.any { it.endsWith('.tmp') || it.endsWith('.failed') } : "left behind: $names"

// What each run's workers were started with, as the tests in them recorded it.
def jvms = { String run ->
  def files = new File(basedir, 'target').listFiles().findAll { it.name.startsWith("jvm-$run-") }
  assert files.size() == 2 : "run $run: expected its 2 workers, found ${files*.name}"
  files.collect { it.text }
}
jvms('first').each { assert !it.contains('-XX:SharedArchiveFile') : it }
def used = jvms('second').collect { args ->
  def option = args.readLines().find { it.startsWith('-XX:SharedArchiveFile=') }
  assert option != null : args
  assert args.contains('-Xshare:auto') && !args.contains('-Xshare:on') : args
  new File(option.substring('-XX:SharedArchiveFile='.length())).name
}.unique()
assert used.size() == 1 && archives.contains(used[0]) : "second run's workers used $used of $archives"
jvms('serial').each { assert it.contains('-XX:+UseSerialGC') && !it.contains('-XX:SharedArchiveFile') : it }
jvms('off').each {
  assert !it.contains('-XX:SharedArchiveFile') : it
  assert it.contains('surefirebooter') : "without the archive the workers keep Surefire's class path: $it"
}

// The second run's workers each checked the archive's class path entry by entry, and every entry
// passed (a failed check is a 'checking' line with no 'ok' after it).
def workerLogs = cds.listFiles().findAll { it.name.startsWith('worker-') && it.name.endsWith('.log') }
assert workerLogs.size() == 2 : "one log per worker of the second run: ${workerLogs*.name}"
workerLogs.each { f ->
  def lines = f.readLines().collect { it.replaceFirst(/^\[[^\]]*\]\[[^\]]*\]\[[^\]]*\] ?/, '').trim() }
  def checked = lines.findAll { it.startsWith('checking shared classpath entry: ') }
  ['jtest-surefire-provider-', 'junit-platform-launcher-', 'junit-jupiter-engine-'].each { jar ->
    assert checked.any { it.contains(jar) } : "${f.name} checked no $jar: $checked"
  }
  lines.eachWithIndex { line, i ->
    if (line.startsWith('checking shared classpath entry')) {
      assert i + 1 < lines.size() && lines[i + 1] == 'ok' : "${f.name}: $line failed"
    }
  }
}

// No CDS message reaches the console or the reports.
['first', 'second', 'serial', 'off'].each { run ->
  new File(basedir, "target/reports-$run").listFiles().each { f ->
    assert !f.text.contains('[cds') && !f.text.contains('shared archive') : "${f.name} of run $run"
  }
}
assert !log.contains('[cds') && !log.contains('shared archive') && !log.contains('CDS')
