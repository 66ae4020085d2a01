// A real Maven running ff:benchmark over 4 cells gets SIGTERM (what Ctrl-C or a CI runner's stop sends)
// once the first cell is recorded. What Maven shows must end with how many cells finished, where they
// are and how to resume; then -Dff.resume runs only the others.
import java.util.concurrent.TimeUnit

String version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin.version.text()
File mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
assert mvn.canExecute() : "no mvn at ${mvn}"
File cells = new File(basedir, 'target/ff-benchmark/cells')
// the invoker builds' repositories (settings.xml beside the ITs): the outer build's local repository as "local.central"
File settings = new File(basedir, 'nested-settings.xml')
String repository = """<repository><id>local.central</id><url>${new File(outerLocalRepository).toURI()}</url>
    <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><checksumPolicy>ignore</checksumPolicy></snapshots></repository>"""
settings.text = """<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
  <repositories>${repository}</repositories>
  <pluginRepositories>${repository.replace('repository>', 'pluginRepository>')}</pluginRepositories>
</profile></profiles></settings>"""

def maven = { File output, String... extra ->
    // bin/mvn execs the JVM, so the process is Maven's JVM itself and gets the signal
    def command = [mvn.path, '-B', '-o', '-s', settings.path, '-Dstyle.color=never',
                   "-Dmaven.repo.local=${localRepositoryPath}".toString(),
                   "dev.ffbench:ff-maven-plugin:${version}:benchmark".toString()] + (extra as List)
    new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(output).start()
}

File interruptedLog = new File(basedir, 'interrupted.log')
Process build = maven(interruptedLog)
try {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3)
    while (!(cells.listFiles()?.any { it.name.endsWith('.json') })) {
        assert build.isAlive() : "the build ended before a cell finished:\n${interruptedLog.text}"
        assert System.nanoTime() < deadline : "no cell finished within 3 minutes:\n${interruptedLog.text}"
        Thread.sleep(50)
    }
    build.destroy() // SIGTERM
    assert build.waitFor(2, TimeUnit.MINUTES) : 'Maven ends on SIGTERM'
} finally {
    build.destroyForcibly()
}
String shown = interruptedLog.getText('UTF-8')
assert build.exitValue() == 143 : "exit ${build.exitValue()}:\n${shown}"

List<File> kept = cells.listFiles().findAll { it.name.endsWith('.json') }
int k = kept.size()
assert k >= 1 && k < 4 : "interrupted mid-matrix: ${kept}"
assert !new File(basedir, 'target/ff-benchmark/results.json').exists()
String message = "[WARNING] ff:benchmark was interrupted: ${k} of 4 cells finished and are kept in ${cells.canonicalPath}" +
        " (${k} passed, 0 failed); the cells still running were stopped and recorded nothing, and no results.json was" +
        " written. To finish, run the same command with -Dff.resume: it keeps the ${k} passed ${k == 1 ? 'cell' : 'cells'}" +
        " and runs the other ${4 - k}"
assert shown.contains(message + '\n') : "expected:\n${message}\nin what Maven showed:\n${shown}"
// if Maven gets to print its error before the JVM exits, the error is the same message; the JVM may also halt
// between Maven's BUILD FAILURE and its error line (the shutdown hook ends the JVM while Maven prints)
String after = shown.substring(shown.indexOf(message) + message.length())
assert !after.contains('[ERROR] Failed to execute goal') || after =~ /\[ERROR\] Failed to execute goal .*: ff-maven-plugin: \Q${message.substring('[WARNING] '.length())}\E -> \[Help 1\]/ : after

File resumedLog = new File(basedir, 'resumed.log')
Process resumed = maven(resumedLog, '-Dff.resume')
assert resumed.waitFor(3, TimeUnit.MINUTES)
String second = resumedLog.getText('UTF-8')
assert resumed.exitValue() == 0 : second
assert second.contains("resume: ${k} of 4 cells already passed in ${cells.canonicalPath} and are kept; ${4 - k} run now")
assert second.contains('4 of 4 cells passed')
return true
