public enum TextpipeCore {}
