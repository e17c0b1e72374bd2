import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') || it.contains('[ERROR]') }
assert runs.size() == 3 : "expected 3 builds, found ${runs.size()}"
def normal = runs[0], perTest = runs[1], refused = runs[2]

// 1. The normal coverage run: two workers, as the pom asks, and no per-test data.
assert normal.contains('Tests run: 2, Failures: 0, Errors: 0')
assert !normal.contains('per-test coverage')
assert normal.contains('BUILD SUCCESS')

// 2. The per-test run: coverage on by itself, one worker, said once at the start.
assert perTest.contains('jtest: per-test coverage (jtest.coverage.perTest): 1 worker, so that what each test ran is its own')
assert perTest =~ /jtest parallel phase: 1 worker, 2 tests/
assert perTest.contains('Tests run: 2, Failures: 0, Errors: 0')
assert perTest =~ /jtest: coverage shop: \d+ classes, line/
assert perTest =~ /jtest: per-test coverage of 2 tests: .*per-test\.html, index .*index\.json, test map .*test-map\.json/
assert perTest.contains('BUILD SUCCESS')

def a = '[engine:junit-jupiter]/[class:sample.AIT]/[method:callsX(dev.jtest.junit.ServiceEndpoint)]'
def b = '[engine:junit-jupiter]/[class:sample.BIT]/[method:callsY(dev.jtest.junit.ServiceEndpoint)]'

// The index: X's lines (Orders) covered by A only, Y's (Payments) by B only, the shared code by both.
def index = new JsonSlurper().parse(new File(basedir, 'target/jtest/coverage/per-test/index.json'))
assert index.tests == [(a): 'AIT.callsX', (b): 'BIT.callsY']
def shop = index.groups.shop
assert shop['sample/Orders'] && shop['sample/Payments'] : "classes in the index: ${shop.keySet()}"
shop['sample/Orders'].each { line, tests -> assert tests == [a] : "Orders line ${line}: ${tests}" }
shop['sample/Payments'].each { line, tests -> assert tests == [b] : "Payments line ${line}: ${tests}" }
def shared = new File(basedir, 'src/main/java/sample/Shop.java').readLines().findIndexOf { it.contains('sendResponseHeaders') } + 1
assert shop['sample/Shop'][shared.toString()] == [a, b].sort()
// Start-up ran outside any test: main's lines belong to no test.
def startup = new File(basedir, 'src/main/java/sample/Shop.java').readLines().findIndexOf { it.contains('server.start();') } + 1
assert !shop['sample/Shop'].containsKey(startup.toString())

// The test JVM's own agent, split by test too: each test class ran in its own test only.
assert new File(basedir, 'target/jtest/coverage/per-test/@tests.exec').length() > 0
def testJvm = index.groups['test JVM']
testJvm['sample/AIT'].each { line, tests -> assert tests == [a] : "AIT line ${line}: ${tests}" }
testJvm['sample/BIT'].each { line, tests -> assert tests == [b] : "BIT line ${line}: ${tests}" }
assert testJvm['sample/AIT'] && testJvm['sample/BIT']

// The test map (jtest.testMap, default .jtest/test-map.json).
def map = new JsonSlurper().parse(new File(basedir, '.jtest/test-map.json'))
assert map.format == 'jtest-test-map/1'
assert map.tests[a].label == 'AIT.callsX'
assert map.tests[a].classes.contains('sample/Orders') && !map.tests[a].classes.contains('sample/Payments')
assert map.tests[b].classes.contains('sample/Payments') && !map.tests[b].classes.contains('sample/Orders')
assert map.tests[a].classes == map.tests[a].classes.sort(false)
assert map.tests[a].classes.containsAll(['sample/AIT', 'sample/ShopCalls']) && !map.tests[a].classes.contains('sample/BIT')
assert map.tests[b].classes.containsAll(['sample/BIT', 'sample/ShopCalls']) && !map.tests[b].classes.contains('sample/AIT')
['sample/Orders', 'sample/Payments', 'sample/Shop'].each { assert map.classes[it] ==~ /[0-9a-f]{16}/ }

// The report's per-test index, linked from its index, links to a page per class; the page of X's
// class (Orders) shows its whole source, its covered lines naming A only.
def report = new File(basedir, 'target/site/jtest/coverage')
def page = new File(report, 'per-test.html').text
assert new File(report, 'index.html').text.contains('href="per-test.html"')
assert page.contains('AIT.callsX') && page.contains('BIT.callsY')
assert !page.contains('order.append(') : 'the index holds no source'
def ordersHref = '@per-test/shop/sample.Orders.html'
assert page.contains("<a href=\"${ordersHref}\">sample.Orders</a>")
assert page.contains('<a href="@per-test/@tests/sample.AIT.html">sample.AIT</a>')
def orders = new File(report, ordersHref).text
def ordersSource = new File(basedir, 'src/main/java/sample/Orders.java').readLines()
assert orders.findAll(/<td id="L\d+">/).size() == ordersSource.size()
def coveredRows = orders.findAll(/<tr class="c">.*<\/tr>/)
assert coveredRows.size() == shop['sample/Orders'].size()
coveredRows.each { assert it.endsWith('<td class="t">AIT.callsX</td></tr>') : it }
assert orders.contains('order.append(')
assert !orders.contains('BIT.callsY')
assert orders.contains('<a href="../../per-test.html">')
// What A touched: its page, linked from the index, names Orders and not Payments.
assert page.contains('<a href="@per-test/@by-test/AIT.callsX.html">AIT.callsX</a>')
def touchedByA = new File(report, '@per-test/@by-test/AIT.callsX.html').text
assert touchedByA.contains("<a href=\"../../${ordersHref}\">sample.Orders</a>")
assert !touchedByA.contains('sample.Payments')
def jacocoPage = (orders =~ /<a href="\.\.\/\.\.\/([^"]+)">the report's page/)[0][1]
assert jacocoPage == 'shop/sample/Orders.java.html' && new File(report, jacocoPage).isFile()

// 3. The merged report is what a normal run gives: the same covered lines, all of X's and Y's.
def parser = new XmlSlurper(false, false, true)
parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
def covered = { File xml ->
  def lines = [:]
  parser.parse(xml).group.find { it.@name == 'shop' }.package.sourcefile.each { source ->
    lines[source.@name.text()] = source.line.findAll { it.@ci.toInteger() > 0 }.collect { it.@nr.toInteger() } as Set
  }
  lines
}
def normalLines = covered(new File(basedir, 'target/site-normal/jtest/coverage/jacoco.xml'))
def perTestLines = covered(new File(report, 'jacoco.xml'))
assert perTestLines == normalLines
def xml = parser.parse(new File(report, 'jacoco.xml'))
['Orders.java', 'Payments.java'].each { name ->
  def source = xml.group.find { it.@name == 'shop' }.package.sourcefile.find { it.@name == name }
  assert source.line.size() > 0
  source.line.each { assert it.@mi.toInteger() == 0 : "${name} line ${it.@nr} not covered" }
}

// 4. Per-test coverage with coverage turned off: refused before anything starts.
assert refused.contains('jtest.coverage.perTest=true needs coverage, but jtest.coverage=false turns it off')
assert !refused.contains('jtest: starting')
