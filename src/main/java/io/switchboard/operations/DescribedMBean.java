package io.switchboard.operations;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Optional;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;

/**
 * A standard MBean whose interface says, with {@link Description}, what it and each of its attributes, operations and
 * parameters are, and whose operations name their parameters as the interface does: Hawtio shows
 * {@code replay(id)} with its description where a plain standard MBean would show {@code replay(p0)}.
 */
final class DescribedMBean<T> extends StandardMBean {

    private final Class<T> contract;

    DescribedMBean(T implementation, Class<T> contract) throws NotCompliantMBeanException {
        super(implementation, contract);
        this.contract = contract;
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return describe(contract.getAnnotation(Description.class), info.getDescription());
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        String getter = (info.isIs() ? "is" : "get") + info.getName();
        return Arrays.stream(contract.getMethods())
                .filter(method -> method.getName().equals(getter) && method.getParameterCount() == 0).findFirst()
                .map(method -> describe(method.getAnnotation(Description.class), info.getDescription()))
                .orElse(info.getDescription());
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return method(info).map(method -> describe(method.getAnnotation(Description.class), info.getDescription()))
                .orElse(info.getDescription());
    }

    @Override
    protected String getParameterName(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        // the compiler keeps parameter names (-parameters, as Spring Boot's build sets it)
        return parameter(operation, sequence).filter(Parameter::isNamePresent).map(Parameter::getName)
                .orElse(parameter.getName());
    }

    @Override
    protected String getDescription(MBeanOperationInfo operation, MBeanParameterInfo parameter, int sequence) {
        return parameter(operation, sequence)
                .map(found -> describe(found.getAnnotation(Description.class), parameter.getDescription()))
                .orElse(parameter.getDescription());
    }

    private Optional<Parameter> parameter(MBeanOperationInfo operation, int sequence) {
        return method(operation).map(method -> method.getParameters()[sequence]);
    }

    private Optional<Method> method(MBeanOperationInfo operation) {
        String[] signature = Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getType)
                .toArray(String[]::new);
        return Arrays.stream(contract.getMethods())
                .filter(method -> method.getName().equals(operation.getName()))
                .filter(method -> Arrays.equals(signature,
                        Arrays.stream(method.getParameterTypes()).map(Class::getName).toArray(String[]::new)))
                .findFirst();
    }

    private static String describe(Description description, String otherwise) {
        return description == null ? otherwise : description.value();
    }
}
