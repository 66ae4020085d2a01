// A throwaway git repository in the cloned project: main commits a baseline whose training peak is 100,000 B,
// and the checked-out branch pull-request commits another change, leaving ff-baseline.json as main has it.
def git = { List<String> args ->
    def command = ['git', '-c', 'user.name=FF Bench IT', '-c', 'user.email=it@ffbench.invalid', '-c', 'commit.gpgsign=false'] + args
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    String out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${out}"
    return out.trim()
}
String template = new File(basedir, 'baseline-template.json').getText('UTF-8')
new File(basedir, 'ff-baseline.json').setText(template.replace('@TRAINING_PARAMETERS@', '100000'), 'UTF-8')

git(['init', '-q'])
git(['checkout', '-q', '-b', 'main'])
git(['add', 'pom.xml', 'ff-baseline.json'])
git(['commit', '-q', '-m', 'the baseline of main'])
git(['checkout', '-q', '-b', 'pull-request'])
new File(basedir, 'CHANGES.txt').setText('a change that is not the baseline\n', 'UTF-8')
git(['add', 'CHANGES.txt'])
git(['commit', '-q', '-m', 'the pull request changes something else'])
return true
