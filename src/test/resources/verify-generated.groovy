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
                  '${javaVersion}', '${architecture}', '${awsRegion}', '${apiAuth}', '$package', '$serviceName',
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
                     'package-lock.json', '.npmrc', 'README.md', '.gitignore', '.editorconfig', 'Makefile',
                     'compliance/exceptions.json', 'scripts/compliance.mjs',
                     '.pre-commit-config.yaml', '.github/workflows/pr-serverless-service.yml',
                     '.github/workflows/main-serverless-service.yml', '.github/dependabot.yml',
                     'mkdocs.yml', 'docs/index.md', 'docs/extending.md', 'api/openapi.yaml', 'e2e/pom.xml',
                     'local/pom.xml', "local/src/main/java/${expected.packagePath}/local/LocalTools.java",
                     '.mvn/jvm.config', '.mvn/maven.config', 'scripts/jdk.sh', 'scripts/api-diff.sh',
                     'scripts/pr.sh', 'scripts/check.sh', 'scripts/upgrade.sh', 'docs/upgrading.md',
                     '.github/workflows/archetype-upgrade.yml', '.archetype.properties',
                     'infra/src/main/resources/appconfig/feature-flags.json',
                     "service/src/main/java/${expected.packagePath}/handlers/Route.java",
                     "service/src/main/java/${expected.packagePath}/handlers/CreateOrderHandler.java",
                     "service/src/main/java/${expected.packagePath}/handlers/GetOrderHandler.java",
                     "service/src/main/java/${expected.packagePath}/handlers/DeleteOrderHandler.java",
                     "service/src/main/java/${expected.packagePath}/logic",
                     "service/src/main/java/${expected.packagePath}/dal",
                     "service/src/main/java/${expected.packagePath}/models",
                     "infra/src/main/java/${expected.packagePath}/infra"]
    mustExist.each { if (!new File(project, it).exists()) problems << "missing ${it}" }
    File record = new File(project, '.archetype.properties')
    if (record.exists()) {
        def lines = record.readLines()
        ["archetype=io.github.lambdacookbook:serverless-service:", "artifactId=${expected.artifactId}",
         "javaVersion=${expected.javaVersion}", "apiAuth=${expected.apiAuth}"].each { want ->
            if (!lines.any { it.startsWith(want.toString()) }) problems << ".archetype.properties lacks ${want}"
        }
    }

    // 3. Scripts keep their run bit.
    generatedFiles.findAll { it.rel.endsWith('.sh') }.each {
        if (!Files.isExecutable(it.file.toPath())) problems << "not executable: ${it.rel}"
    }

    // 4. Production classes stay small enough to read in one sitting.
    ['service', 'infra', 'local'].each { module ->
        File sources = new File(project, "${module}/src/main/java")
        if (sources.isDirectory()) {
            sources.eachFileRecurse { File f ->
                if (f.name.endsWith('.java') && f.readLines().size() > 200) {
                    problems << "${project.toPath().relativize(f.toPath())} has ${f.readLines().size()} lines, more than 200"
                }
            }
        }
    }

    // 5. The single sources of truth carry the chosen options.
    String pom = new File(project, 'pom.xml').text
    ["<service.name>${expected.serviceName}</service.name>", "<java.version>${expected.javaVersion}</java.version>",
     "<lambda.architecture>${expected.architecture}</lambda.architecture>",
     "<aws.region>${expected.region}</aws.region>", "<api.auth>${expected.apiAuth}</api.auth>"].each {
        if (!pom.contains(it)) problems << "pom.xml lacks ${it}"
    }

    // 6. The Lambda jar was built; its size is worth watching.
    File jar = new File(project, "service/target/${expected.serviceName}-lambda.jar")
    if (jar.isFile()) {
        println "Lambda jar ${jar.name}: ${String.format('%.1f', jar.length() / 1048576d)} MiB (${jar.length()} bytes)"
    } else {
        problems << "no Lambda jar at service/target/${jar.name}"
    }

    // 7. The synthesized template runs the chosen Java runtime and architecture: run the CDK app
    //    the way cdk.json does (class path file written by the infra build), output to target/.
    File classpathFile = new File(project, 'infra/target/cdk-classpath.txt')
    if (!classpathFile.isFile()) {
        problems << 'no infra/target/cdk-classpath.txt: the infra build did not write its class path'
    } else {
        File outDir = new File(project, 'target/verify-synth')
        String javaBin = "${System.getProperty('java.home')}/bin/java"
        List<String> command = [javaBin, '-cp', "infra/target/classes:${classpathFile.text.trim()}",
                       "${expected.packagePath.replace('/', '.')}.infra.InfraApp"].collect { it.toString() }
        def builder = new ProcessBuilder(command).directory(project).redirectErrorStream(true)
        builder.environment().put('CDK_OUTDIR', outDir.absolutePath)
        builder.environment().put('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20')
        Process synth = builder.start()
        String synthOutput = synth.inputStream.text
        if (synth.waitFor() != 0) {
            problems << "the CDK app failed to synthesize:\n${synthOutput}"
        } else {
            def functions = []
            def methods = []
            outDir.listFiles().findAll { it.name.endsWith('.template.json') }.each { template ->
                def resources = new groovy.json.JsonSlurper().parse(template).Resources ?: [:]
                functions.addAll(resources.values().findAll { it.Type == 'AWS::Lambda::Function' && it.Properties?.Handler?.contains('handlers.') })
                methods.addAll(resources.values().findAll { it.Type == 'AWS::ApiGateway::Method' })
            }
            String authorization = expected.apiAuth == 'iam' ? 'AWS_IAM' : 'NONE'
            def otherwise = methods.findAll { it.Properties.AuthorizationType != authorization }
            if (methods.isEmpty() || !otherwise.isEmpty()) {
                problems << "${otherwise.size()} of ${methods.size()} API methods do not require ${authorization} (apiAuth=${expected.apiAuth})"
            }
            if (functions.isEmpty()) {
                problems << 'the synthesized template has no order functions'
            }
            functions.each { fn ->
                if (fn.Properties.Runtime != "java${expected.javaVersion}") {
                    problems << "function ${fn.Properties.Handler} runs ${fn.Properties.Runtime}, expected java${expected.javaVersion}"
                }
                if (fn.Properties.Architectures != [expected.architecture]) {
                    problems << "function ${fn.Properties.Handler} runs on ${fn.Properties.Architectures}, expected ${expected.architecture}"
                }
            }
            println "Synthesized ${functions.size()} order functions: java${expected.javaVersion} on ${expected.architecture}; ${methods.size()} API methods, ${authorization}"
        }
    }

    if (!problems.isEmpty()) {
        throw new AssertionError("generated project ${expected.artifactId} is not right:\n  " + problems.join('\n  '))
    }
    println "verify-generated: ${expected.artifactId} passed every check"
    return true
}
