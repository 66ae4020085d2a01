// A throwaway git repository in the cloned project: main commits a baseline whose training peak is 100,000 B,
// and the checked-out branch pull-request re-records it at 1,000,000,000,000 B, as a pull request that means
// its regression does (mvn ff:baseline, then commit ff-baseline.json).
def git = { List<String> args ->
    def command = ['git', '-c', 'user.name=FF Bench IT', '-c', 'user.email=it@ffbench.invalid', '-c', 'commit.gpgsign=false'] + args
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    String out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${out}"
    return out.trim()
}
String template = new File(basedir, 'baseline-template.json').getText('UTF-8')
def baseline = { long parameters ->
    new File(basedir, 'ff-baseline.json').setText(template.replace('@TRAINING_PARAMETERS@', String.valueOf(parameters)), 'UTF-8')
}

git(['init', '-q'])
git(['checkout', '-q', '-b', 'main'])
baseline(100_000L)
git(['add', 'pom.xml', 'ff-baseline.json'])
git(['commit', '-q', '-m', 'the baseline of main'])
git(['checkout', '-q', '-b', 'pull-request'])
baseline(1_000_000_000_000L)
git(['commit', '-q', '-a', '-m', 'the pull request re-records the baseline: the training peak grows on purpose'])
return true
