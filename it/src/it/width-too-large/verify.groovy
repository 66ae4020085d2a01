// Issue 13, kind 3: BASE with widths 2000000000 died in a native abort (reason "#") and left an
// hs_err_pid*.log in the project. The cell is now refused before any cell runs, with what it needs.
import java.lang.management.ManagementFactory

String log = new File(basedir, 'build.log').getText('UTF-8')
String machine = String.format(Locale.ROOT, '%,d B', ManagementFactory.operatingSystemMXBean.totalMemorySize)
// (784 x 2e9 + 2e9) + (2e9 x 10 + 10) values, each with a gradient and two Adam moments, 4 bytes each
assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project width-too-large: ff-maven-plugin: cell backprop-d1-w2000000000-s1 \(depth 1, width 2000000000\) needs at least 25,440,000,000,160 B for its parameters, gradients and optimizer state alone, but a forked cell may hold at most 8,589,934,592 B: JavaCPP's maxPhysicalBytes, by default 4 x the fork's maximum heap of 2,147,483,648 B \(jvmArgs -Xmx2g\); allowed: a cell that fits in this machine's \Q${machine}\E of physical memory: a smaller width or depth\R/
assert !log.contains('backprop-d1-w16-s1 (depth') : 'the cell that fits is not named'
assert !log.contains('FF Bench: ') : 'no cell ran, not even the one that fits'
assert !new File(basedir, 'target/ff-benchmark').exists() : 'nothing was written'
assert basedir.listFiles().findAll { it.name.startsWith('hs_err') || it.name.startsWith('replay_pid') || it.name == 'core' } == []
return true
