// Both Mavens compiled the README's POM: 3.8 needs the pinned compiler plugin for release 17.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert new File(basedir, 'pom.xml').getText('UTF-8').contains('<artifactId>my-ff</artifactId>') : 'the README\'s POM'
assert new File(basedir, 'target/classes/com/example/MyFf.class').isFile()
assert log.contains('Apache Maven 3.8.') : 'the first build ran with Maven 3.8'
assert log.contains('Apache Maven 3.9.') : 'the second build ran with Maven 3.9'
assert (log =~ /compiler(-plugin)?:3\.13\.0:compile /).count == 2 : 'the pinned compiler plugin, in both builds'
assert (log =~ /BUILD SUCCESS/).count == 2
return true
