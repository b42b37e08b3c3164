package dev.ktx.ingest.testinfra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a static method on the copy of a class that the system class loader holds, so that state kept in its static
 * fields is one per JVM. Quarkus tests load the application and its test resources in a class loader of their own,
 * replaced at every Quarkus restart (another {@code @TestProfile}, for instance): a static field there would start a
 * second broker per restart. Only JDK types may cross: the caller's copy of any other class is a different class.
 * Without test-infra on the system class path (an unusual launcher) the caller's own copy is used.
 */
final class JvmWide {

    private JvmWide() {}

    /**
     * @param type a class of this module
     * @param method a static method of it without parameters; its result must be of a JDK type
     */
    static Object call(Class<?> type, String method) {
        Class<?> target = systemCopy(type);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(target.getClassLoader());
        try {
            Method callee = target.getDeclaredMethod(method);
            callee.setAccessible(true);
            return callee.invoke(null);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + type.getName() + "." + method, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Class<?> systemCopy(Class<?> type) {
        try {
            return Class.forName(type.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return type;
        }
    }

    /** Exceptions of this module thrown by the other copy are rebuilt as ours, so callers can catch them. */
    private static RuntimeException translate(Throwable thrown) {
        if (thrown.getClass().getName().equals(InfraUnavailableException.class.getName())
                && !(thrown instanceof InfraUnavailableException)) {
            InfraUnavailableException ours = new InfraUnavailableException(thrown.getMessage());
            ours.initCause(thrown);
            return ours;
        }
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(thrown);
    }
}
