package org.policygraph.api;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the Cypher statements the application sends: the application's {@link Driver} is wrapped
 * so that every {@code run} on a session or inside a managed transaction is counted, and so is its
 * in-process {@link GraphDatabaseService}, counting every {@code execute} in its transactions.
 */
class StatementCounter {

    private final AtomicInteger count = new AtomicInteger();

    void reset() {
        count.set(0);
    }

    int count() {
        return count.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor countingDriver(org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof Driver driver) {
                        return counter.getObject().driver(driver);
                    }
                    return bean instanceof GraphDatabaseService database ? counter.getObject().database(database) : bean;
                }
            };
        }
    }

    Driver driver(Driver driver) {
        return wrapping(Driver.class, driver, Session.class, this::session);
    }

    private Session session(Session session) {
        return proxy(Session.class, session, (method, args) -> {
            if (method.getName().equals("run")) {
                count.incrementAndGet();
            }
            if (args != null && args.length > 0) {
                if (args[0] instanceof TransactionCallback<?> callback) {
                    args[0] = (TransactionCallback<Object>) tx -> callback.execute(transaction(tx));
                } else if (args[0] instanceof Consumer<?> consumer && method.getName().endsWith("WithoutResult")) {
                    @SuppressWarnings("unchecked")
                    Consumer<TransactionContext> work = (Consumer<TransactionContext>) consumer;
                    args[0] = (Consumer<TransactionContext>) tx -> work.accept(transaction(tx));
                }
            }
            return call(session, method, args);
        });
    }

    /** The in-process database: every {@code execute} in a transaction it begins is counted. */
    GraphDatabaseService database(GraphDatabaseService database) {
        return wrapping(GraphDatabaseService.class, database, Transaction.class,
                tx -> counting(Transaction.class, tx, "execute"));
    }

    private TransactionContext transaction(TransactionContext tx) {
        return counting(TransactionContext.class, tx, "run");
    }

    /** {@code target}, with every result of type {@code type} passed through {@code wrap}. */
    private static <T, R> T wrapping(Class<T> targetType, T target, Class<R> type, UnaryOperator<R> wrap) {
        return proxy(targetType, target, (method, args) -> {
            Object result = call(target, method, args);
            return type.isInstance(result) ? wrap.apply(type.cast(result)) : result;
        });
    }

    /** {@code target}, counting every call of the method named {@code counted}. */
    private <T> T counting(Class<T> type, T target, String counted) {
        return proxy(type, target, (method, args) -> {
            if (method.getName().equals(counted)) {
                count.incrementAndGet();
            }
            return call(target, method, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.invoke(method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
