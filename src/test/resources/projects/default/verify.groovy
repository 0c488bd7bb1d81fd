evaluate(new File(basedir, '../../verify-generated.groovy')).call(basedir, [
    artifactId: 'orders-service', packagePath: 'com/example/orders', serviceName: 'orders-service',
    javaVersion: '21', architecture: 'arm64', region: 'us-east-1', apiAuth: 'iam'])
