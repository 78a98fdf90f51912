package drogulus.logos.eval;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Bounds the size of the code written (three bytes an instruction, four for a wide local), for the JIT. */
final class CodeSize extends MethodVisitor {
    private int bytes;

    CodeSize(MethodVisitor target) {
        super(Opcodes.ASM9, target);
    }

    @Override
    public void visitInsn(int opcode) {
        bytes += 3;
        super.visitInsn(opcode);
    }

    @Override
    public void visitVarInsn(int opcode, int local) {
        bytes += local > 255 ? 4 : 3;
        super.visitVarInsn(opcode, local);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        bytes += 3;
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        bytes += 3;
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        bytes += 3;
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        bytes += 3;
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        bytes += 3;
        super.visitLdcInsn(value);
    }

    int bytes() {
        return bytes;
    }
}
