// outputDirectory is a regular file: both goals fail before anything runs, with that reason (not
// "cannot read or write benchmark files: out.txt"), and the file is left as it was.
String log = new File(basedir, 'build.log').getText('UTF-8')
File file = new File(basedir, 'out.txt')
String reason = "ff-maven-plugin: outputDirectory ${file.canonicalPath} is a regular file; allowed: a directory (it is created if missing)"

['benchmark', 'check'].each { goal ->
    assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:${goal} \(default-cli\) on project output-directory-is-a-file: \Q${reason}\E\R/
}
assert !log.contains('cannot read or write benchmark files')
assert !log.contains('FF Bench: ') : 'no cell ran'
assert file.getText('UTF-8') == 'notes that must survive\n'
return true
