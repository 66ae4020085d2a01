// The project's POM is the one README.md shows (the xml block after <!-- minimal-pom -->), as a user copies it.
File readme = new File(basedir, '../../../../README.md')
String text = readme.getText('UTF-8')
int marker = text.indexOf('<!-- minimal-pom -->')
assert marker >= 0 : 'README.md marks its minimal POM with <!-- minimal-pom -->'
int start = text.indexOf('```xml\n', marker) + '```xml\n'.length()
int end = text.indexOf('```', start)
String pom = text.substring(start, end).readLines().collect { it.startsWith('   ') ? it.substring(3) : it }.join('\n')
assert pom.trim().startsWith('<project') && pom.trim().endsWith('</project>') : pom
new File(basedir, 'pom.xml').setText(pom + '\n', 'UTF-8')
return true
