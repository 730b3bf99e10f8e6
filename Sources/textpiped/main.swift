print("textpiped")
