// Runs after every generation, interactive or batch. Batch mode (-B) skips the
// validationRegex checks of archetype-metadata.xml, so the same rules are enforced here:
// a bad value removes what was generated and stops with a message naming the property,
// the value and the rule.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.attribute.PosixFilePermission

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

def rules = [
    groupId     : [~/^[A-Za-z0-9_\-.]+$/, 'letters, digits, dots, hyphens and underscores'],
    artifactId  : [~/^[a-z][a-z0-9\-]*$/, 'lowercase letters, digits and hyphens, starting with a letter'],
    version     : [~/^[A-Za-z0-9_\-.]+$/, 'letters, digits, dots, hyphens and underscores, for example 0.1.0-SNAPSHOT'],
    package     : [~/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, 'a Java package: dot-separated lowercase identifiers, none of them a Java keyword'],
    serviceName : [~/^[a-z][a-z0-9\-]{2,39}$/, '3 to 40 characters: lowercase letters, digits and hyphens, starting with a letter'],
    javaVersion : [~/^(21|25)$/, 'one of 21, 25 (the Lambda Java runtimes)'],
    architecture: [~/^(arm64|x86_64)$/, 'one of arm64, x86_64'],
    awsRegion   : [~/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/, 'an AWS region name, for example us-east-1 or eu-west-2'],
]

def errors = []
rules.each { key, rule ->
    def value = (key in ['groupId', 'artifactId', 'version', 'package']) ? request."$key" : props.getProperty(key)
    value = value == null ? '' : value.toString()
    boolean ok = value ==~ rule[0]
    if (ok && key == 'package') {
        ok = !value.split('\\.').any { javaKeywords.contains(it) }
    }
    if (ok && key == 'serviceName') {
        ok = !value.endsWith('-') && !value.contains('--')
    }
    if (!ok) {
        errors << "  - ${key}='${value}' is invalid: must be ${rule[1]}" +
                (key == 'serviceName' ? ' (no trailing or double hyphen)' : '')
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

println """
serverless-service: generated '${props.getProperty('serviceName')}' in ${projectDir}
  Java ${props.getProperty('javaVersion')} on ${props.getProperty('architecture')}, region ${props.getProperty('awsRegion')}

Next steps:
  cd ${request.artifactId}
  git init && git add -A        # the Makefile and pre-commit hooks work on a git repository
  make dev                      # checks JDK ${props.getProperty('javaVersion')}+, node and npm; installs the Maven wrapper, node packages and hooks
  make pr                       # every check that needs no AWS account: lint, unit, integration, infra and local e2e tests
  make deploy                   # with AWS credentials: deploys the '${props.getProperty('serviceName')}' stack to the dev environment
"""
