// A throwaway git repository in the cloned project, with the pom and the baseline committed: the
// summary's first line names its commit as both the head and the baseline's.
def git = { List<String> args ->
    def command = ['git', '-c', 'user.name=FF Bench IT', '-c', 'user.email=it@ffbench.invalid', '-c', 'commit.gpgsign=false'] + args
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    String out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0 : "${command.join(' ')} failed: ${out}"
    return out.trim()
}
git(['init', '-q'])
git(['add', 'pom.xml', 'ff-baseline.json'])
git(['commit', '-q', '-m', 'the project and its baseline'])
return true
