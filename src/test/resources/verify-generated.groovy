// Shared checks for every generated project of src/test/resources/projects/<case>.
// Evaluates to a closure: call(basedir, expected) with the case's expected names.
import java.nio.file.Files

return { File basedir, Map expected ->
    File project = new File(basedir, "project/${expected.artifactId}")
    assert project.isDirectory(): "no generated project at ${project}"
    List<String> problems = []

    def generatedFiles = []
    project.eachFileRecurse { File f ->
        String rel = project.toPath().relativize(f.toPath()).toString()
        if (rel.split('/').any { it in ['target', 'node_modules', '.git', 'cdk.out', 'site'] }) {
            return
        }
        generatedFiles << [file: f, rel: rel]
    }

    // 1. No archetype or Velocity token left in any path or text file.
    def tokens = ['${package}', '${groupId}', '${artifactId}', '${version}', '${serviceName}',
                  '${javaVersion}', '${architecture}', '${awsRegion}', '$package', '$serviceName',
                  '__packageInPathFormat__', '__artifactId__', '#[[', ']]#', '${symbol_']
    generatedFiles.each { entry ->
        if (entry.rel.contains('__')) {
            problems << "path keeps an archetype token: ${entry.rel}"
        }
        if (entry.file.isFile() && entry.file.length() < 2_000_000) {
            byte[] bytes = entry.file.bytes
            if (!bytes.any { it == 0 }) {
                String text = new String(bytes, 'UTF-8')
                tokens.findAll { text.contains(it) }.each { problems << "${entry.rel} keeps the token ${it}" }
            }
        }
    }

    // 2. The tree the user is promised.
    def mustExist = ['pom.xml', 'service/pom.xml', 'infra/pom.xml', 'cdk.json', 'package.json',
                     'package-lock.json', 'README.md', '.gitignore', '.editorconfig',
                     "service/src/main/java/${expected.packagePath}/handlers/CreateOrderHandler.java",
                     "service/src/main/java/${expected.packagePath}/handlers/GetOrderHandler.java",
                     "service/src/main/java/${expected.packagePath}/handlers/DeleteOrderHandler.java",
                     "service/src/main/java/${expected.packagePath}/logic",
                     "service/src/main/java/${expected.packagePath}/dal",
                     "service/src/main/java/${expected.packagePath}/models",
                     "infra/src/main/java/${expected.packagePath}/infra"]
    mustExist.each { if (!new File(project, it).exists()) problems << "missing ${it}" }

    // 3. Scripts keep their run bit.
    generatedFiles.findAll { it.rel.endsWith('.sh') }.each {
        if (!Files.isExecutable(it.file.toPath())) problems << "not executable: ${it.rel}"
    }

    // 4. The single sources of truth carry the chosen options.
    String pom = new File(project, 'pom.xml').text
    ["<service.name>${expected.serviceName}</service.name>", "<java.version>${expected.javaVersion}</java.version>",
     "<lambda.architecture>${expected.architecture}</lambda.architecture>",
     "<aws.region>${expected.region}</aws.region>"].each {
        if (!pom.contains(it)) problems << "pom.xml lacks ${it}"
    }

    // 5. The Lambda jar was built; its size is worth watching.
    File jar = new File(project, "service/target/${expected.serviceName}-lambda.jar")
    if (jar.isFile()) {
        println "Lambda jar ${jar.name}: ${String.format('%.1f', jar.length() / 1048576d)} MiB (${jar.length()} bytes)"
    } else {
        problems << "no Lambda jar at service/target/${jar.name}"
    }

    if (!problems.isEmpty()) {
        throw new AssertionError("generated project ${expected.artifactId} is not right:\n  " + problems.join('\n  '))
    }
    println "verify-generated: ${expected.artifactId} passed every check"
    return true
}
