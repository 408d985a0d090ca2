package com.civilsafety.app.testsupport;

/** A file the attachment store takes for a PNG photo: what it sniffs is the PNG signature. */
public final class Photos {
    public static final byte[] PNG = png(2048);

    public static byte[] png(int size) {
        byte[] png = new byte[size];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        return png;
    }

    private Photos() {
    }
}
