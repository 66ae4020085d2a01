// mvn -T 2 over two modules that each run ff:benchmark: both warn, before their cells run, that speed
// figures may compete with the other module's; the serial build of the same project does not warn.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
String warning = "[WARNING] this build runs up to 2 of its 3 modules at a time (mvn -T): another module's cells may" +
        " run beside this one's, so speed figures (samples/s, training time) may compete and read lower than alone;" +
        " memory figures are unaffected. For speed figures that compare, run ff:benchmark without -T"

// build.log holds both invocations; the serial one starts with the second "Scanning for projects"
int serial = log.lastIndexOf('Scanning for projects')
assert serial > 0 && log.indexOf('Scanning for projects') < serial : 'two invocations'
String parallel = log.substring(0, serial)
String alone = log.substring(serial)

assert parallel.contains('MultiThreadedBuilder') : 'the first build ran with -T 2'
assert parallel.count(warning + '\n') == 2 : "one warning per module in:\n${parallel}"
assert parallel.indexOf(warning) < parallel.indexOf('FF Bench: 1 cell') : 'warned before any cell runs'
assert !alone.contains('modules at a time') : 'a serial build does not warn'
assert alone.contains('BUILD SUCCESS')

['module-a', 'module-b'].each { module ->
    def results = new JsonSlurper().parse(new File(basedir, "${module}/target/ff-benchmark/results.json"))
    assert results.cells*.status == ['passed'] : module
}
return true
