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
 * Writes the smallest useful Java program as a one-class jar: {@code Hello}, whose first
 * statement reads {@link System#nanoTime()} and prints it, so that the bench can tell when its
 * {@code main} began (the clock is the same monotonic clock in every process on Linux). It is
 * generated with the JDK's class-file API at bench time, so it is compiled for exactly the JDK
 * being measured and needs no compiler.
 */
public final class HelloJar {

    public static final String MAIN_CLASS = "Hello";

    private HelloJar() {
    }

    public static Path write(Path dir) throws IOException {
        ClassDesc system = ClassDesc.of("java.lang.System");
        ClassDesc printStream = ClassDesc.of("java.io.PrintStream");
        byte[] hello = ClassFile.of().build(ClassDesc.of(MAIN_CLASS), cls -> cls
            .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER)
            .withMethodBody("main", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType()),
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code
                    .invokestatic(system, "nanoTime", MethodTypeDesc.of(ConstantDescs.CD_long))
                    .lstore(1)
                    .getstatic(system, "out", printStream)
                    .lload(1)
                    .invokevirtual(printStream, "println", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long))
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
