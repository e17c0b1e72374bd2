def runs = { name ->
  def r = [:]
  new File(basedir, "target/times-$name").eachFile { f ->
    def p = f.text.trim().split(' ')
    r[f.name] = [pid: p[0], worker: p[1]]
  }
  r
}
def sameJvm = { r, prefixes ->
  def pids = r.findAll { k, v -> prefixes.any { k.startsWith(it + '.') } }.values()*.pid.toSet()
  assert pids.size() == 1 : "$prefixes ran in ${pids.size()} JVMs: $r"
}

def byClass = runs('class')
assert byClass.size() == 13
['AIT', 'AExtraIT', 'BIT'].each { sameJvm(byClass, [it]) }
sameJvm(byClass, ['OuterIT'])

def byModule = runs('module')
assert byModule.size() == 13
sameJvm(byModule, ['AIT', 'AExtraIT'])
sameJvm(byModule, ['BIT'])
sameJvm(byModule, ['OuterIT'])

def fast = runs('fast')
assert fast.size() == 13
sameJvm(fast, ['OuterIT']) // @Nested stays with its enclosing class in every mode

def k = runs('k')
assert k.keySet() == ['BIT.one', 'BIT.two', 'BIT.four'] as Set

// -Dit.test=Class#method runs that method alone, through jtest.
assert runs('one').keySet() == ['BIT.two'] as Set

def log = new File(basedir, 'build.log').text
assert log.contains('jtest: 3 of 13 tests selected, 10 deselected by jtest.k="BIT and not three"')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, '.jtest/durations.json').exists()
