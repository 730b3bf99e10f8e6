import TextpipeCore
public enum TextpipeServer {}
