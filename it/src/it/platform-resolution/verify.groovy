// Post-build check for the platform-resolution IT: the native set ff-engine's POM resolves, as a
// dependency of a user's project, for each platform; and commons-compress at a patched release.

/** group:artifact[:classifier] -> version of every node in a dependency:tree text file. */
Map<String, String> tree(String name) {
    File file = new File(basedir, name)
    assert file.isFile() : "no ${name}: the dependency:tree run did not write it"
    Map<String, String> nodes = [:]
    file.eachLine('UTF-8') { line ->
        // "+- org.nd4j:nd4j-native:jar:linux-x86_64-avx2:1.0.0-M2.1:compile" (classifier optional)
        def m = line =~ /([\w.\-]+):([\w.\-]+):jar(?::([\w\-]+))?:([\w.\-]+):(compile|runtime|test|provided)/
        if (m.find()) {
            nodes[m.group(1) + ':' + m.group(2) + (m.group(3) ? ':' + m.group(3) : '')] = m.group(4)
        }
    }
    return nodes
}

/** The platform classifiers of nd4j-native, openblas and javacpp in a tree, e.g. [nd4j-native:linux-arm64, ...]. */
List<String> natives(Map<String, String> nodes) {
    return nodes.keySet().findAll { it ==~ /(org\.nd4j:nd4j-native|org\.bytedeco:openblas|org\.bytedeco:javacpp):.+/ }
            .collect { it.substring(it.indexOf(':') + 1) }.sort()
}

List<String> expected(String platform, String extension) {
    return ["javacpp:${platform}", "nd4j-native:${platform}${extension}", "openblas:${platform}"].collect { it.toString() }.sort()
}

/** What ff-engine's profiles choose on the machine running this build (the same JVM properties). */
String hostPlatform() {
    String name = System.getProperty('os.name').toLowerCase(Locale.ROOT)
    String arch = System.getProperty('os.arch').toLowerCase(Locale.ROOT)
    String os = name.startsWith('linux') ? 'linux' : name.startsWith('mac os x') ? 'macosx' : name.startsWith('windows') ? 'windows' : name
    return os + '-' + (arch == 'amd64' ? 'x86_64' : arch == 'aarch64' ? 'arm64' : arch)
}

String host = hostPlatform()
Map<String, List<String>> cases = [
        'tree-host.txt'          : expected(host, host == 'linux-x86_64' ? '-avx2' : ''),
        // an explicit platform names ND4J's generic build: -Djavacpp.platform=linux-x86_64 is the way to a CPU without AVX2
        'tree-linux-x86_64.txt'  : expected('linux-x86_64', ''),
        'tree-linux-arm64.txt'   : expected('linux-arm64', ''),
        'tree-macosx-x86_64.txt' : expected('macosx-x86_64', ''),
        'tree-macosx-arm64.txt'  : expected('macosx-arm64', ''),
        'tree-windows-x86_64.txt': expected('windows-x86_64', ''),
        'tree-project-property.txt': expected(host, host == 'linux-x86_64' ? '-avx2' : ''),
]
if (host.startsWith('linux-')) {
    // the OS profiles on another machine: os.arch aarch64 (Linux on ARM), os.name Windows
    cases['tree-os-aarch64.txt'] = expected('linux-arm64', '')
}
cases['tree-os-windows.txt'] = expected('windows-x86_64', '')

cases.each { file, want ->
    Map<String, String> nodes = tree(file)
    assert natives(nodes) == want : "${file}: the native set is ${natives(nodes)}; expected ${want}"
    // one native set only: ND4J's own generic platform jar stays excluded
    assert nodes['org.nd4j:nd4j-native'] == '1.0.0-M2.1' : "${file}: nd4j-native ${nodes['org.nd4j:nd4j-native']}"
    // nd4j-native-preset follows the same platform through ND4J's own POM profiles
    String platform = want.find { it.startsWith('javacpp:') }.substring('javacpp:'.length())
    assert nodes.containsKey("org.nd4j:nd4j-native-preset:${platform}".toString()) :
            "${file}: nd4j-native-preset is not for ${platform}: ${nodes.keySet().findAll { it.contains('preset') }}"
    // CVE-2024-25710 and CVE-2024-26308 are fixed in 1.26.0; ND4J alone brings 1.21
    assert nodes['org.apache.commons:commons-compress'] == '1.28.0' :
            "${file}: commons-compress ${nodes['org.apache.commons:commons-compress']}"
    assert nodes['commons-io:commons-io'] == '2.20.0' : "${file}: commons-io ${nodes['commons-io:commons-io']}"
}

return true
