// A throwaway git repository in the cloned project: the tag before-baseline has no baseline file, main commits
// one whose training peak is 1,000,000,000,000 B, the branch pull-request starts there and changes something
// else, then main re-records its baseline at 100,000 B. The checked-out pull-request still has the old file:
// it differs from main's, but the pull request did not re-record it (main did), so main's judges it.
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
git(['add', 'pom.xml'])
git(['commit', '-q', '-m', 'a project without a baseline'])
git(['tag', 'before-baseline'])
baseline(1_000_000_000_000L)
git(['add', 'ff-baseline.json'])
git(['commit', '-q', '-m', 'the first baseline of main'])
git(['checkout', '-q', '-b', 'pull-request'])
new File(basedir, 'CHANGES.txt').setText('a change that is not the baseline\n', 'UTF-8')
git(['add', 'CHANGES.txt'])
git(['commit', '-q', '-m', 'the pull request changes something else'])
git(['checkout', '-q', 'main'])
baseline(100_000L)
git(['commit', '-q', '-a', '-m', 'main re-records its baseline'])
git(['checkout', '-q', 'pull-request'])
return true
