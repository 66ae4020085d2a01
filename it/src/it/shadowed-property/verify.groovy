// Maven gives the POM's <dataset> precedence over -Dff.dataset: the run uses the POM's dataset, and the
// log says so, naming both values, instead of a silent BUILD SUCCESS on a matrix the command line did not ask for.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))

assert results.cells*.spec.dataset == ['synthetic:7:60:20'] : 'the POM wins, as Maven decides'
assert results.cells*.spec.epochs == [1] : '-Dff.epochs, which the POM does not set, applies'

def warnings = log.readLines().findAll { it.contains(' is ignored: the POM sets ') }
assert warnings == ['[WARNING] -Dff.dataset=mnist-sample is ignored: the POM sets <dataset>synthetic:7:60:20</dataset> in the'
        + ' configuration of ff:benchmark (execution default-cli), and Maven gives the POM precedence over -D; allowed: remove'
        + ' <dataset> from the POM, or write <dataset>${ff.dataset}</dataset> there with a default in <properties>, so that'
        + ' -Dff.dataset overrides it'] : warnings.join('\n')
assert log.contains('BUILD SUCCESS')
return true
