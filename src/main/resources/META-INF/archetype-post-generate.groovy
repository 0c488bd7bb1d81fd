// Runs after every generation, interactive or batch. Batch mode (-B) skips the
// validationRegex checks of archetype-metadata.xml, so its rules are checked here again, read
// from that file: a bad value removes what was generated and stops with a message naming the
// property, the value and the rule.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.attribute.PosixFilePermission
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Comment
import org.w3c.dom.Element

def props = request.properties

// Removes what this generation wrote, and only that: the archetype plugin never overwrites a
// file that was already there, so anything older than this Maven run belongs to the user.
void removeGenerated(Path dir) {
    if (!Files.exists(dir)) {
        return
    }
    long runStarted = java.lang.management.ManagementFactory.runtimeMXBean.startTime
    List<Path> all = Files.walk(dir).withCloseable { it.collect(java.util.stream.Collectors.toList()) }
    all.sort { a, b -> b.nameCount <=> a.nameCount }
    all.each { path ->
        if (Files.isRegularFile(path) && Files.getLastModifiedTime(path).toMillis() >= runStarted) {
            Files.delete(path)
        } else if (Files.isDirectory(path) && Files.list(path).withCloseable { !it.findAny().isPresent() }
                && Files.getLastModifiedTime(path).toMillis() >= runStarted) {
            Files.delete(path)
        }
    }
}
Path projectDir = Paths.get(request.outputDirectory, request.artifactId)

def javaKeywords = ('abstract assert boolean break byte case catch char class const continue default do double ' +
        'else enum extends final finally float for goto if implements import instanceof int interface long native ' +
        'new package private protected public return short static strictfp super switch synchronized this throw ' +
        'throws transient try void volatile while true false null var record yield sealed permits non-sealed _').split(' ') as Set

// The archetype plugin runs this script with the archetype's jar as the thread's class loader.
// Each rule: the property's validationRegex, and the comment inside its element as the words.
Map<String, List<String>> readRules() {
    String metadata = 'META-INF/maven/archetype-metadata.xml'
    ClassLoader loader = Thread.currentThread().contextClassLoader
    URL url = loader instanceof URLClassLoader ? loader.findResource(metadata) : loader.getResource(metadata)
    if (url == null) {
        throw new IllegalStateException("serverless-service: ${metadata} is not on the archetype's class path")
    }
    def document = url.openStream().withCloseable { DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(it) }
    Map<String, List<String>> rules = [:]
    def properties = document.getElementsByTagName('requiredProperty')
    for (int i = 0; i < properties.length; i++) {
        Element property = (Element) properties.item(i)
        String regex = property.getElementsByTagName('validationRegex').item(0)?.textContent?.trim()
        String words = null
        for (int j = 0; j < property.childNodes.length && words == null; j++) {
            def child = property.childNodes.item(j)
            words = child instanceof Comment ? child.data.trim() : null
        }
        if (regex != null) {
            rules[property.getAttribute('key')] = [regex, words ?: "a match of ${regex}".toString()]
        }
    }
    return rules
}

def errors = []
readRules().each { key, rule ->
    def value = (key in ['groupId', 'artifactId', 'version', 'package']) ? request."$key" : props.getProperty(key)
    value = value == null ? '' : value.toString()
    boolean ok = value ==~ rule[0]
    if (ok && key == 'package') {
        ok = !value.split('\\.').any { javaKeywords.contains(it) }
    }
    if (!ok) {
        errors << "  - ${key}='${value}' is invalid: must be ${rule[1]}"
    }
}

if (!errors.isEmpty()) {
    removeGenerated(projectDir)
    throw new IllegalArgumentException(
            "serverless-service: invalid archetype properties, nothing was generated:\n" + errors.join('\n'))
}

// The archetype plugin drops executable bits: restore them on every shell script and on bin/.
Files.walk(projectDir).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) }
         .filter { it.fileName.toString().endsWith('.sh') || it.parent.fileName.toString() == 'bin' }
         .forEach { script ->
             def perms = Files.getPosixFilePermissions(script)
             perms.addAll([PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE])
             Files.setPosixFilePermissions(script, perms)
         }
}

// The record of this generation: the archetype's coordinates and every property's value, defaults
// included, in the order of archetype-metadata.xml. `make upgrade` renders this version and a newer
// one with these values and merges the difference (scripts/upgrade.sh).
String recordOf(request, Properties props, Collection<String> keys) {
    def lines = ['# The archetype and options this repository was generated from; `make upgrade` maintains it.',
                 "archetype=${request.archetypeGroupId}:${request.archetypeArtifactId}:${request.archetypeVersion}"]
    keys.each { key ->
        def value = (key in ['groupId', 'artifactId', 'version', 'package']) ? request."$key" : props.getProperty(key)
        lines << "${key}=${value ?: ''}"
    }
    return lines.join('\n') + '\n'
}
Files.writeString(projectDir.resolve('.archetype.properties'), recordOf(request, props, readRules().keySet()))

println """
serverless-service: generated '${props.getProperty('serviceName')}' in ${projectDir}
  Java ${props.getProperty('javaVersion')} on ${props.getProperty('architecture')}, region ${props.getProperty('awsRegion')}, API ${props.getProperty('apiAuth') == 'iam' ? 'signed with SigV4 (apiAuth=iam)' : 'open to anonymous callers (apiAuth=none)'}

Next steps:
  cd ${request.artifactId}
  git init && git add -A        # the Makefile and pre-commit hooks work on a git repository
  make dev                      # checks JDK ${props.getProperty('javaVersion')}+, node and npm; installs the Maven wrapper, node packages and hooks
  make pr                       # every check that needs no AWS account: lint, unit, integration, infra and local e2e tests
  make deploy                   # with AWS credentials: deploys the '${props.getProperty('serviceName')}' stack to the dev environment
"""
