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
// a list the POM writes element by element is replaced by its -D property (Maven evaluates the expression
// it keeps as the list's value): the run judges the command line's rule, and the log says so
assert log.readLines().findAll { it.contains(' replaces the POM') } == ['[WARNING] -Dff.rules=metric=trainingPeakBytes;maximum=1000000000'
        + ' replaces the POM\'s <rules>... (1 element)</rules> in the configuration of ff:benchmark (execution default-cli): Maven'
        + ' uses -D for a list the POM writes element by element; allowed: leave out -Dff.rules to run the POM\'s rules']
assert log.contains('1 gate: 1 passed, 0 failed, 0 skipped') : 'the rule of -Dff.rules (at most 1,000,000,000 B), not the POM\'s 1 B'
assert log.contains('BUILD SUCCESS')
return true
