package io.mproc.bench.floor;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the smallest useful Java program, {@code Hello} printing one line, as a one-class jar.
 * It is generated with the JDK's class-file API at bench time, so it is compiled for exactly
 * the JDK being measured and needs no compiler.
 */
public final class HelloJar {

    public static final String MAIN_CLASS = "Hello";

    private HelloJar() {
    }

    public static Path write(Path dir) throws IOException {
        ClassDesc printStream = ClassDesc.of("java.io.PrintStream");
        byte[] hello = ClassFile.of().build(ClassDesc.of(MAIN_CLASS), cls -> cls
            .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER)
            .withMethodBody("main", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType()),
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code
                    .getstatic(ClassDesc.of("java.lang.System"), "out", printStream)
                    .ldc("Hello")
                    .invokevirtual(printStream, "println", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String))
                    .return_()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = dir.resolve("hello.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(MAIN_CLASS + ".class"));
            out.write(hello);
            out.closeEntry();
        }
        return jar;
    }
}
