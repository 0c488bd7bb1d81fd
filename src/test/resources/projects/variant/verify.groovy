evaluate(new File(basedir, '../../verify-generated.groovy')).call(basedir, [
    artifactId: 'billing', packagePath: 'org/acme/billing/api', serviceName: 'billing-api',
    javaVersion: '25', architecture: 'x86_64', region: 'eu-west-2', apiAuth: 'none'])
